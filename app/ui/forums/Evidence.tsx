import { evidenceFileFacts, evidenceOf } from "~/domain/forum-record";
import { formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";

/** A follow-up update's evidence: a link when it is one web address, text otherwise. */
export function Evidence({ evidence, label }: { evidence: string; label: string }) {
  const shown = evidenceOf(evidence);
  return (
    <span className="evidence">
      {" · "}
      {label}:{" "}
      {shown.kind === "link" ? (
        <a href={shown.href} rel="noopener noreferrer nofollow">
          {shown.href}
        </a>
      ) : (
        shown.text
      )}
    </span>
  );
}

/** A follow-up update's evidence file, linked where the public forum page serves it: "foto bukti (120 KB)". */
export function EvidenceFile({ forumId, updateId, type, bytes, label }: { forumId: number; updateId: number; type: string; bytes: number; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts = evidenceFileFacts({ type, bytes });
  return (
    <span className="evidence evidence-file">
      {" · "}
      {label}: <a href={`/forum/${forumId}/bukti/${updateId}`}>{t(`forums.page.evidenceFile_${facts.kind}`, { size: formatNumber(locale, facts.kilobytes) })}</a>
    </span>
  );
}
