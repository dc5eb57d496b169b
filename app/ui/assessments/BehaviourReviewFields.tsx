import { useTranslation } from "~/i18n/react";
import { BERAKHLAK_VALUES, RATINGS } from "~/domain/berakhlak";

/** The seven BerAKHLAK values, each with a rating and a short reason: the 360 review form's fields. */
export function BehaviourReviewFields({ errors, values }: { errors: Record<string, string | undefined>; values: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <>
      {BERAKHLAK_VALUES.map((value) => (
        <fieldset key={value} aria-describedby={`hint-${value}`}>
          <legend>{t(`assessments.values.${value}`)}</legend>
          <p className="hint" id={`hint-${value}`}>
            {t(`assessments.valueHints.${value}`)}
          </p>
          <div className="skp-radios">
            {RATINGS.map((rating) => (
              <label key={rating} className="skp-radio">
                <input type="radio" name={`rating_${value}`} value={rating} defaultChecked={values[`rating_${value}`] === rating} required />
                {t(`assessments.rating.${rating}`)}
              </label>
            ))}
          </div>
          {errors[`rating_${value}`] ? <p className="field-error">{t(errors[`rating_${value}`]!)}</p> : null}
          <label htmlFor={`justification_${value}`}>{t("assessments.reviews.justification")}</label>
          <textarea
            id={`justification_${value}`}
            name={`justification_${value}`}
            rows={2}
            maxLength={500}
            required
            defaultValue={values[`justification_${value}`]}
            aria-invalid={errors[`justification_${value}`] ? true : undefined}
            aria-describedby={errors[`justification_${value}`] ? `justification_${value}-error` : undefined}
          />
          {errors[`justification_${value}`] ? (
            <p className="field-error" id={`justification_${value}-error`}>
              {t(errors[`justification_${value}`]!)}
            </p>
          ) : null}
        </fieldset>
      ))}
    </>
  );
}
