import { evidenceOf } from "~/domain/forum-record";

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
