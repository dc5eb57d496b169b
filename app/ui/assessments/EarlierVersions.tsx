// An assessment's earlier versions, each with the reason it was replaced and the evidence frozen beside it.
import { useTranslation } from "~/i18n/react";
import type { EvidencePack } from "~/data/assessments/evidence.server";
import type { Predikat } from "~/domain/predikat";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/ui/skp";
import { EvidenceView } from "./EvidenceView";

export interface EarlierVersion {
  id: number;
  version: number;
  predikat: Predikat;
  finalisedAt: Date | string;
  finalisedBy: string;
  amendmentReason: string | null;
  finalByDecision: boolean;
  decisionOutcome: "upheld" | "rejected" | null;
  decidedBy: string | null;
  decidedAt: Date | string | null;
  decisionReason: string | null;
  evidence: EvidencePack;
}

export function EarlierVersions({ versions }: { versions: readonly EarlierVersion[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t("assessments.assessment.versions")}</h2>
      {versions.map((version) => (
        <details key={version.id} className="card skp-details">
          <summary>
            {t("assessments.assessment.versionSummary", {
              version: version.version,
              predikat: t(`assessments.predikat.${version.predikat}`),
              date: formatDateTime(locale, version.finalisedAt),
              name: version.finalisedBy,
            })}
          </summary>
          {version.amendmentReason ? (
            <p>
              <strong>
                {version.finalByDecision
                  ? t("assessments.assessment.decisionReasonLabel")
                  : t("assessments.assessment.amendmentReason")}
                :
              </strong>{" "}
              {version.amendmentReason}
            </p>
          ) : null}
          {version.decisionOutcome ? (
            <p>
              <strong>{t(`assessments.assessment.outcome.${version.decisionOutcome}`)}</strong> · {version.decidedBy} ·{" "}
              {formatDateTime(locale, version.decidedAt!)}: {version.decisionReason}
            </p>
          ) : null}
          <p className="muted small">
            {t("assessments.assessment.evidenceFrozen", {
              date: formatDateTime(locale, version.evidence.assembledAt),
            })}
          </p>
          <EvidenceView pack={version.evidence} />
        </details>
      ))}
    </section>
  );
}
