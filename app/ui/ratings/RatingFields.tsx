import { useTranslation } from "~/i18n/react";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { AGE_BANDS, COMMENT_MAX, EDUCATIONS, initialsOf, OCCUPATIONS, SCORES, SEXES } from "~/domain/ratings/options";

type Errors = Record<string, string | undefined>;

function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p className="field-error" id={id} role="alert">
      {t(error)}
    </p>
  ) : null;
}

export function ServiceChoice({ services, selected, error }: { services: { id: number; name: string }[]; selected?: number; error?: string }) {
  const { t } = useTranslation();
  const only = services.length === 1 ? services[0]!.id : undefined;
  return (
    <fieldset className="choice-list" aria-describedby={error ? "serviceId-error" : undefined}>
      <legend>{t("ratings.service")}</legend>
      {services.map((service) => (
        <label key={service.id} className="choice">
          <input type="radio" name="serviceId" value={service.id} defaultChecked={(selected ?? only) === service.id} required />
          <span>{service.name}</span>
        </label>
      ))}
      <FieldError id="serviceId-error" error={error} />
    </fieldset>
  );
}

export function OfficerChoice({ officers, selected, error }: { officers: { id: number; name: string }[]; selected?: number | "unknown"; error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-list" aria-describedby={["officer-hint", error ? "officer-error" : ""].join(" ").trim()}>
      <legend>{t("ratings.officer")}</legend>
      <span className="hint" id="officer-hint">
        {t("ratings.officerHint")}
      </span>
      {officers.map((officer) => (
        <label key={officer.id} className="choice">
          <input type="radio" name="officer" value={officer.id} defaultChecked={selected === officer.id} />
          <span className="initials" aria-hidden="true">
            {initialsOf(officer.name)}
          </span>
          <span>{officer.name}</span>
        </label>
      ))}
      <label className="choice">
        <input type="radio" name="officer" value="unknown" defaultChecked={selected === undefined || selected === "unknown"} />
        <span className="initials" aria-hidden="true">
          ?
        </span>
        <span>{t("ratings.dontKnow")}</span>
      </label>
      <FieldError id="officer-error" error={error} />
    </fieldset>
  );
}

// Drawn faces rather than emoji: cheap phones lack some emoji glyphs. The mouth bends from frown to smile.
const MOUTHS = { 1: "M14 31 Q22 23 30 31", 2: "M15 30 Q22 27 29 30", 3: "M15 28 Q22 33 29 28", 4: "M13 26 Q22 37 31 26" } as const;
const FACE_COLOURS = { 1: "#b3261e", 2: "#b86e00", 3: "#2e7d4f", 4: "#1b5e20" } as const;

function Face({ score }: { score: 1 | 2 | 3 | 4 }) {
  return (
    <svg className="face-emoji" viewBox="0 0 44 44" width="44" height="44" aria-hidden="true" focusable="false">
      <circle cx="22" cy="22" r="20" fill="#fff" stroke={FACE_COLOURS[score]} strokeWidth="3" />
      <circle cx="15.5" cy="17" r="2.6" fill={FACE_COLOURS[score]} />
      <circle cx="28.5" cy="17" r="2.6" fill={FACE_COLOURS[score]} />
      <path d={MOUTHS[score]} fill="none" stroke={FACE_COLOURS[score]} strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export function FaceScale({ error }: { error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="faces" aria-describedby={error ? "quickScore-error" : undefined}>
      <legend>{t("ratings.howWasIt")}</legend>
      <div className="faces-row">
        {SCORES.map((score) => (
          <label key={score} className="face">
            <input type="radio" name="quickScore" value={score} />
            <Face score={score} />
            <span className="face-label">{t(`ratings.faces.${score}`)}</span>
          </label>
        ))}
      </div>
      <FieldError id="quickScore-error" error={error} />
    </fieldset>
  );
}

export function ElementQuestions({ errors }: { errors: Errors }) {
  const { t } = useTranslation();
  return (
    <>
      {ELEMENT_CODES.map((code, index) => {
        const field = code.toLowerCase();
        return (
          <fieldset key={code} className="choice-list element" aria-describedby={errors[field] ? `${field}-error` : undefined}>
            <legend>
              {index + 1}. {t(`ratings.elements.${code}.question`)}
              <span className="hint">{t(`ratings.elements.${code}.name`)}</span>
            </legend>
            {SCORES.map((score) => (
              <label key={score} className="choice">
                <input type="radio" name={field} value={score} />
                <span>{t(`ratings.elements.${code}.options.${score}`)}</span>
              </label>
            ))}
            <label className="choice skip">
              <input type="radio" name={field} value="" defaultChecked />
              <span>{t("ratings.skip")}</span>
            </label>
            <FieldError id={`${field}-error`} error={errors[field]} />
          </fieldset>
        );
      })}
    </>
  );
}

export function ProfileFields({ errors }: { errors: Errors }) {
  const { t } = useTranslation();
  const select = (name: string, label: string, values: readonly string[], group: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue="" aria-invalid={errors[name] ? true : undefined}>
        <option value="">{t("ratings.profile.choose")}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`ratings.profile.${group}.${value}`)}
          </option>
        ))}
      </select>
      <FieldError id={`${name}-error`} error={errors[name]} />
    </div>
  );
  return (
    <fieldset>
      <legend>{t("ratings.profileTitle")}</legend>
      <span className="hint">{t("ratings.profileHint")}</span>
      {select("sex", t("ratings.profile.sex"), SEXES, "sexes")}
      {select("ageBand", t("ratings.profile.ageBand"), AGE_BANDS, "ageBands")}
      {select("education", t("ratings.profile.education"), EDUCATIONS, "educations")}
      {select("occupation", t("ratings.profile.occupation"), OCCUPATIONS, "occupations")}
    </fieldset>
  );
}

export function CommentField({ error }: { error?: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="comment">{t("ratings.comment")}</label>
      <span className="hint" id="comment-hint">
        {t("ratings.commentHint")}
      </span>
      <textarea
        id="comment"
        name="comment"
        maxLength={COMMENT_MAX}
        rows={3}
        aria-describedby={error ? "comment-hint comment-error" : "comment-hint"}
        aria-invalid={error ? true : undefined}
      />
      <FieldError id="comment-error" error={error} />
    </div>
  );
}

/** Invisible to people (and to screen readers); bots that fill every field give themselves away. */
export function Honeypot() {
  const { t } = useTranslation();
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor="website">{t("ratings.honeypot")}</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
