import { useTranslation } from "~/i18n/react";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { AGE_BANDS, COMMENT_MAX, EDUCATIONS, initialsOf, OCCUPATIONS, SCORES, SEXES } from "~/domain/ratings/options";

// The fields of the rating forms. Server-rendered and complete without JavaScript; every field carries
// `data-field` and an error slot `data-error-for`, where the page's script (app/enhance/citizen.ts) writes the
// same messages the server would.
type Errors = Record<string, string | undefined>;

export function FieldError({ field, error }: { field: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <p className="field-error" id={`${field}-error`} data-error-for={field} hidden={!error}>
      {error ? t(error) : null}
    </p>
  );
}

/** At the top of a long form: every error, each linking to its field. Takes the focus when the page loads. */
export function ErrorSummary({ errors, fieldIds = {} }: { errors: Errors; fieldIds?: Record<string, string> }) {
  const { t } = useTranslation();
  const fieldErrors = Object.entries(errors).filter((entry): entry is [string, string] => entry[0] !== "_form" && Boolean(entry[1]));
  const shown = fieldErrors.length > 0;
  return (
    <div className="error-summary" data-error-summary role="group" aria-labelledby="error-summary-title" tabIndex={-1} hidden={!shown} data-focus-on-load={shown ? "" : undefined}>
      <h2 id="error-summary-title">{t("ratings.errors.summary")}</h2>
      <ul>
        {fieldErrors.map(([field, key]) => (
          <li key={field}>
            <a href={`#${fieldIds[field] ?? field}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The form-wide message (a limit reached, a form sent twice) beside the button that sent it. */
export function FormMessage({ error, focus }: { error?: string; focus: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="notice error" data-error-for="_form" role="alert" tabIndex={-1} hidden={!error} data-focus-on-load={error && focus ? "" : undefined}>
      {error ? t(error) : null}
    </p>
  );
}

export function ServiceChoice({ services, selected, error }: { services: { id: number; name: string }[]; selected?: number; error?: string }) {
  const { t } = useTranslation();
  if (services.length === 1) {
    // One service: nothing to choose, one line instead of a list.
    const only = services[0]!;
    return (
      <div className="service-one" data-field="serviceId">
        <input type="hidden" name="serviceId" value={only.id} />
        <span className="muted">{t("ratings.service")}:</span> <strong>{only.name}</strong>
        <FieldError field="serviceId" error={error} />
      </div>
    );
  }
  return (
    <fieldset className="choice-list" data-field="serviceId" aria-describedby="serviceId-error">
      <legend>{t("ratings.service")}</legend>
      {services.map((service, index) => (
        <label key={service.id} className="choice">
          <input type="radio" name="serviceId" value={service.id} id={index === 0 ? "serviceId" : undefined} defaultChecked={selected === service.id} aria-invalid={error ? true : undefined} />
          <span>{service.name}</span>
        </label>
      ))}
      <FieldError field="serviceId" error={error} />
    </fieldset>
  );
}

/**
 * The officer on duty, or "I don't know" (the default). Collapsed into one line that opens, so the faces stay in
 * view; open from the start when an officer was chosen or is in error.
 */
export function OfficerChoice({ officers, selected, error }: { officers: { id: number; name: string }[]; selected?: number | "unknown"; error?: string }) {
  const { t } = useTranslation();
  const chosen = typeof selected === "number" ? officers.find((officer) => officer.id === selected) : undefined;
  return (
    <details className="officer-pick" data-collapse open={chosen || error ? true : undefined}>
      <summary>
        <span className="muted">{t("ratings.officerChosen")}</span>
        <strong data-officer-chosen>{chosen ? chosen.name : t("ratings.dontKnow")}</strong>
        <span className="change" aria-hidden="true">
          {t("ratings.officerChange")}
        </span>
      </summary>
      <fieldset className="choice-list" data-field="officer" aria-describedby="officer-hint officer-error">
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
            <span data-officer-name>{officer.name}</span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="officer" id="officer" value="unknown" defaultChecked={!chosen} />
          <span className="initials" aria-hidden="true">
            ?
          </span>
          <span data-officer-name>{t("ratings.dontKnow")}</span>
        </label>
        <FieldError field="officer" error={error} />
      </fieldset>
    </details>
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
    <fieldset className="faces" data-field="quickScore" aria-describedby="quickScore-error">
      <legend>{t("ratings.howWasIt")}</legend>
      <div className="faces-row">
        {SCORES.map((score) => (
          <label key={score} className="face">
            <input type="radio" name="quickScore" value={score} id={score === 1 ? "quickScore" : undefined} aria-invalid={error ? true : undefined} />
            <Face score={score} />
            <span className="face-label">{t(`ratings.faces.${score}`)}</span>
          </label>
        ))}
      </div>
      <FieldError field="quickScore" error={error} />
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
          <fieldset key={code} className="choice-list element" data-field={field} aria-describedby={`${field}-error`}>
            <legend>
              <span className="question-of">{t("ratings.questionOf", { number: index + 1, total: ELEMENT_CODES.length })}</span>
              {t(`ratings.elements.${code}.question`)}
              <span className="hint">{t(`ratings.elements.${code}.name`)}</span>
            </legend>
            {SCORES.map((score) => (
              <label key={score} className="choice">
                <input type="radio" name={field} value={score} id={score === 1 ? field : undefined} aria-invalid={errors[field] ? true : undefined} />
                <span>{t(`ratings.elements.${code}.options.${score}`)}</span>
              </label>
            ))}
            {/* Not chosen by default: a question left alone counts as skipped, as does this choice. */}
            <label className="choice skip">
              <input type="radio" name={field} value="" />
              <span>{t("ratings.skip")}</span>
            </label>
            <FieldError field={field} error={errors[field]} />
          </fieldset>
        );
      })}
    </>
  );
}

export function ProfileFields({ errors }: { errors: Errors }) {
  const { t } = useTranslation();
  const select = (name: string, label: string, values: readonly string[], group: string) => (
    <div className="field" data-field={name}>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue="" aria-invalid={errors[name] ? true : undefined} aria-describedby={`${name}-error`}>
        <option value="">{t("ratings.profile.choose")}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`ratings.profile.${group}.${value}`)}
          </option>
        ))}
      </select>
      <FieldError field={name} error={errors[name]} />
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

function CommentInput({ error }: { error?: string }) {
  const { t } = useTranslation();
  return (
    <div className="field" data-field="comment">
      <label htmlFor="comment">{t("ratings.comment")}</label>
      <span className="hint" id="comment-hint">
        {t("ratings.commentHint")}
      </span>
      <textarea id="comment" name="comment" maxLength={COMMENT_MAX} rows={3} aria-describedby="comment-hint comment-error" aria-invalid={error ? true : undefined} />
      <FieldError field="comment" error={error} />
    </div>
  );
}

/** The optional comment; on the quick rating it folds into one line so the faces and "Kirim" fit the screen. */
export function CommentField({ error, collapsed = false }: { error?: string; collapsed?: boolean }) {
  const { t } = useTranslation();
  if (!collapsed) return <CommentInput error={error} />;
  return (
    <details className="comment-pick" data-collapse open={error ? true : undefined}>
      <summary>{t("ratings.addComment")}</summary>
      <CommentInput error={error} />
    </details>
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
