// The assessor's two ratings with their justifications, and the PermenPANRB 6/2022 predikat matrix for reference.
import { useTranslation } from "~/i18n/react";
import { RATINGS } from "~/domain/berakhlak";
import { predikatFor } from "~/domain/predikat";
import { MIN_JUSTIFICATION_LENGTH } from "~/domain/skp-assessment";
import { TextAreaField } from "~/ui/TextAreaField";
import { SelectField } from "~/ui/SelectField";

export function RatingFields({
  errors,
  values,
}: {
  errors: Record<string, string | undefined>;
  values: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("assessments.assessment.chooseRating") },
    ...RATINGS.map((rating) => ({ value: rating, label: t(`assessments.rating.${rating}`) })),
  ];
  return (
    <div className="skp-grid">
      <div>
        <SelectField
          name="ratingHasilKerja"
          label={t("assessments.assessment.ratingHasilKerja")}
          options={options}
          defaultValue={values.ratingHasilKerja}
          error={errors.ratingHasilKerja}
        />
        <TextAreaField
          name="justificationHasilKerja"
          label={t("assessments.assessment.justificationHasilKerja")}
          hint={t("assessments.assessment.justificationHint", { min: MIN_JUSTIFICATION_LENGTH })}
          defaultValue={values.justificationHasilKerja}
          error={errors.justificationHasilKerja}
          maxLength={2000}
        />
      </div>
      <div>
        <SelectField
          name="ratingPerilaku"
          label={t("assessments.assessment.ratingPerilaku")}
          options={options}
          defaultValue={values.ratingPerilaku}
          error={errors.ratingPerilaku}
        />
        <TextAreaField
          name="justificationPerilaku"
          label={t("assessments.assessment.justificationPerilaku")}
          hint={t("assessments.assessment.justificationHint", { min: MIN_JUSTIFICATION_LENGTH })}
          defaultValue={values.justificationPerilaku}
          error={errors.justificationPerilaku}
          maxLength={2000}
        />
      </div>
    </div>
  );
}

export function MatrixTable() {
  const { t } = useTranslation();
  const columns = ["di_bawah", "sesuai", "di_atas"] as const;
  return (
    <details className="skp-details">
      <summary>{t("assessments.assessment.matrixTitle")}</summary>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("assessments.assessment.matrixCorner")}</th>
              {columns.map((perilaku) => (
                <th scope="col" key={perilaku}>
                  {t(`assessments.rating.${perilaku}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(["di_atas", "sesuai", "di_bawah"] as const).map((hasil) => (
              <tr key={hasil}>
                <th scope="row">{t(`assessments.rating.${hasil}`)}</th>
                {columns.map((perilaku) => (
                  <td key={perilaku}>{t(`assessments.predikat.${predikatFor(hasil, perilaku)}`)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
