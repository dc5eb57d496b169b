import { sql, type Kysely } from "kysely";

// ASN performance records (PermenPANRB 6/2022): SKP plans, achievements, continuous feedback, 360 reviews,
// finalised assessments (immutable versions with an evidence snapshot), objections and development.
// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skp_plans (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      officer_id integer not null references officers(id),
      unit_id integer not null references units(id),
      period_kind text not null check (period_kind in ('monthly','quarterly','annual')),
      period_start date not null,
      period_end date not null,
      status text not null default 'draft' check (status in ('draft','submitted','returned','approved')),
      return_comment text,
      created_at timestamptz not null default now(),
      submitted_at timestamptz,
      approved_at timestamptz,
      approved_by_user_id integer references users(id),
      check (period_end >= period_start),
      unique (officer_id, period_kind, period_start)
    );
    create index skp_plans_unit_idx on skp_plans (unit_id, period_start);

    -- Rencana hasil kerja: a numeric target, or a portal indicator whose realisation fills itself.
    create table skp_results (
      id integer generated always as identity primary key,
      plan_id integer not null references skp_plans(id),
      position integer not null,
      description text not null,
      indicator text not null,
      target numeric not null check (target >= 0),
      unit_of_measure text not null,
      portal_indicator text check (portal_indicator in ('officer_service_score','unit_ikm','complaint_followup_share')),
      removed_at timestamptz
    );
    create index skp_results_plan_idx on skp_results (plan_id);

    -- Special expectations of the supervisor per BerAKHLAK value (ekspektasi khusus pimpinan).
    create table skp_behaviours (
      plan_id integer not null references skp_plans(id),
      value text not null check (value in ('berorientasi_pelayanan','akuntabel','kompeten','harmonis','loyal','adaptif','kolaboratif')),
      expectation text not null,
      primary key (plan_id, value)
    );

    create table skp_achievements (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      plan_id integer not null references skp_plans(id),
      result_id integer references skp_results(id),
      achieved_on date not null,
      description text not null,
      quantity numeric check (quantity >= 0),
      evidence_file text,
      evidence_name text,
      evidence_mime text check (evidence_mime in ('image/jpeg','image/png','application/pdf')),
      evidence_bytes integer check (evidence_bytes between 1 and 5242880),
      created_by_user_id integer not null references users(id),
      created_at timestamptz not null default now()
    );
    create index skp_achievements_plan_idx on skp_achievements (plan_id, achieved_on);

    create table skp_feedback (
      id integer generated always as identity primary key,
      plan_id integer not null references skp_plans(id),
      achievement_id integer references skp_achievements(id),
      author_user_id integer not null references users(id),
      body text not null,
      created_at timestamptz not null default now()
    );
    create index skp_feedback_plan_idx on skp_feedback (plan_id);

    create table skp_peers (
      plan_id integer not null references skp_plans(id),
      peer_officer_id integer not null references officers(id),
      chosen_by_user_id integer not null references users(id),
      created_at timestamptz not null default now(),
      primary key (plan_id, peer_officer_id)
    );

    -- One row per reviewer and value; a reviewer submits all seven values at once, and cannot change them.
    create table skp_reviews (
      id integer generated always as identity primary key,
      plan_id integer not null references skp_plans(id),
      reviewer_officer_id integer not null references officers(id),
      kind text not null check (kind in ('self','peer','supervisor')),
      value text not null check (value in ('berorientasi_pelayanan','akuntabel','kompeten','harmonis','loyal','adaptif','kolaboratif')),
      rating text not null check (rating in ('di_atas','sesuai','di_bawah')),
      justification text not null,
      created_at timestamptz not null default now(),
      unique (plan_id, reviewer_officer_id, value)
    );

    -- A finalised assessment is a version; a correction is a new version with a reason, never an edit.
    create table assessments (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      plan_id integer not null references skp_plans(id),
      officer_id integer not null references officers(id),
      assessor_officer_id integer not null references officers(id),
      version integer not null check (version >= 1),
      rating_hasil_kerja text not null check (rating_hasil_kerja in ('di_atas','sesuai','di_bawah')),
      rating_perilaku text not null check (rating_perilaku in ('di_atas','sesuai','di_bawah')),
      justification_hasil_kerja text,
      justification_perilaku text,
      predikat text not null check (predikat in ('sangat_baik','baik','butuh_perbaikan','kurang_misconduct','sangat_kurang')),
      evidence jsonb not null,
      amendment_reason text,
      final_by_decision boolean not null default false,
      finalised_by_user_id integer not null references users(id),
      finalised_at timestamptz not null,
      unique (plan_id, version),
      check ((version = 1) = (amendment_reason is null))
    );
    create index assessments_officer_idx on assessments (officer_id);

    create table assessment_responses (
      id integer generated always as identity primary key,
      assessment_id integer not null unique references assessments(id),
      kind text not null check (kind in ('acknowledged','objected')),
      reason text,
      responded_by_user_id integer not null references users(id),
      responded_at timestamptz not null,
      check (kind = 'acknowledged' or reason is not null)
    );

    create table objection_decisions (
      id integer generated always as identity primary key,
      response_id integer not null unique references assessment_responses(id),
      outcome text not null check (outcome in ('upheld','rejected')),
      reason text not null,
      new_assessment_id integer references assessments(id),
      decided_by_user_id integer not null references users(id),
      decided_at timestamptz not null
    );

    create function assessment_records_are_frozen() returns trigger language plpgsql as $$
    begin
      raise exception '% rows are frozen: add a new version instead', tg_table_name;
    end $$;
    create trigger assessments_frozen before update or delete on assessments
      for each statement execute function assessment_records_are_frozen();
    create trigger assessment_responses_frozen before update or delete on assessment_responses
      for each statement execute function assessment_records_are_frozen();
    create trigger objection_decisions_frozen before update or delete on objection_decisions
      for each statement execute function assessment_records_are_frozen();

    -- Training accepted into a plan, and commendations the officer sees on their page.
    create table development_items (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      officer_id integer not null references officers(id),
      source_plan_id integer references skp_plans(id),
      kind text not null check (kind in ('training','commendation')),
      topic text not null,
      note text,
      created_by_user_id integer not null references users(id),
      created_at timestamptz not null default now(),
      unique (source_plan_id, kind, topic)
    );
    create index development_items_officer_idx on development_items (officer_id);

    -- The organisational predicate chosen for a unit, which sets the distribution its predicates should follow.
    create table unit_assessment_settings (
      unit_id integer primary key references units(id),
      organisation_predikat text not null default 'baik' check (organisation_predikat in ('istimewa','baik','butuh_perbaikan','kurang','sangat_kurang')),
      updated_by_user_id integer references users(id),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}
