import { sql, type Kysely } from "kysely";

// Musyawarah forums (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4): the forum, attendance by
// stakeholder group, the inputs (never deleted: hidden or merged instead), the themes that cite them, the berita
// acara in versions (a published version is frozen as a snapshot), follow-up actions with dated updates, and the
// per-IP-hash limit on public input. Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table forums (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      unit_id integer not null references units(id),
      title text not null check (length(title) between 1 and 200),
      held_on date not null,
      start_time text check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      place text not null check (length(place) between 1 and 300),
      agenda text not null check (length(agenda) between 1 and 4000),
      chair_name text not null check (length(chair_name) between 1 and 200),
      note_taker_name text not null check (length(note_taker_name) between 1 and 200),
      input_open boolean not null default true,
      next_item_number integer not null default 1,
      created_by integer references users(id),
      created_at timestamptz not null default now()
    );
    create index forums_unit_idx on forums (unit_id, held_on);
    create index forums_agency_idx on forums (agency_id, held_on);

    -- The services a forum concerns (of its unit).
    create table forum_services (
      forum_id integer not null references forums(id),
      service_id integer not null references services(id),
      primary key (forum_id, service_id)
    );

    -- Attendance per stakeholder group; names only of people who agreed to be named, one per line.
    create table forum_attendance (
      forum_id integer not null references forums(id),
      agency_id integer not null references agencies(id),
      stakeholder_group text not null check (stakeholder_group in ('service_users','academics','agencies','civil_society','media')),
      head_count integer not null check (head_count between 0 and 100000),
      named_attendees text not null default '',
      primary key (forum_id, stakeholder_group)
    );

    create table forum_themes (
      id integer generated always as identity primary key,
      forum_id integer not null references forums(id),
      agency_id integer not null references agencies(id),
      label text not null check (length(label) between 1 and 200),
      top_terms text not null default '',
      suggested_element text not null check (suggested_element ~ '^(U[1-9]|other)$'),
      suggested_words text not null default '',
      element text check (element ~ '^(U[1-9]|other)$'),
      priority integer not null default 0,
      accepted boolean not null default false,
      summary text not null default '' check (length(summary) <= 4000),
      created_at timestamptz not null default now()
    );
    create index forum_themes_forum_idx on forum_themes (forum_id);

    -- One row per input. Online inputs wait for moderation; a hidden input keeps its reason; a merged duplicate
    -- points to the input it was merged into. Nothing is deleted.
    create table forum_items (
      id integer generated always as identity primary key,
      forum_id integer not null references forums(id),
      agency_id integer not null references agencies(id),
      number integer not null,
      body text not null check (length(body) between 1 and 2000),
      source text not null check (source in ('spoken','written','online')),
      stakeholder_group text check (stakeholder_group in ('service_users','academics','agencies','civil_society','media')),
      submitter_name text check (length(submitter_name) <= 120),
      show_name boolean not null default false,
      moderation text not null check (moderation in ('pending','accepted')),
      hidden_reason text check (length(hidden_reason) <= 500),
      hidden_at timestamptz,
      merged_into_id integer references forum_items(id),
      theme_id integer references forum_themes(id) on delete set null,
      suggested_element text not null check (suggested_element ~ '^(U[1-9]|other)$'),
      suggested_words text not null default '',
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (forum_id, number),
      check (merged_into_id is null or merged_into_id <> id)
    );
    create index forum_items_forum_idx on forum_items (forum_id, number);
    create index forum_items_theme_idx on forum_items (theme_id);

    -- The inputs a theme's summary cites (a summary may only say what a cited input says).
    create table forum_theme_citations (
      theme_id integer not null references forum_themes(id) on delete cascade,
      item_id integer not null references forum_items(id),
      primary key (theme_id, item_id)
    );

    -- The berita acara in versions. Editing happens on the open draft; publishing freezes its whole content in
    -- snapshot, so an older published version reads exactly as it was.
    create table forum_records (
      id integer generated always as identity primary key,
      forum_id integer not null references forums(id),
      agency_id integer not null references agencies(id),
      version integer not null check (version >= 1),
      status text not null check (status in ('draft','published','superseded')),
      correction_reason text check (length(correction_reason) <= 1000),
      agreements text not null default '' check (length(agreements) <= 8000),
      dissent text not null default '' check (length(dissent) <= 8000),
      approved_by_name text,
      approved_on date,
      approval_recorded_by integer references users(id),
      approval_recorded_at timestamptz,
      community_rep_name text check (length(community_rep_name) <= 200),
      community_signed_on date,
      published_at timestamptz,
      published_by integer references users(id),
      snapshot jsonb,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      unique (forum_id, version),
      check (status = 'draft' or (snapshot is not null and published_at is not null and approved_by_name is not null))
    );
    create unique index forum_records_one_draft_idx on forum_records (forum_id) where status = 'draft';

    create table forum_actions (
      id integer generated always as identity primary key,
      forum_id integer not null references forums(id),
      agency_id integer not null references agencies(id),
      theme_id integer references forum_themes(id) on delete set null,
      description text not null check (length(description) between 1 and 1000),
      responsible_unit_id integer not null references units(id),
      responsible_officer text check (length(responsible_officer) <= 200),
      due_on date not null,
      element text check (element ~ '^(U[1-9]|other)$'),
      status text not null default 'planned' check (status in ('planned','in_progress','done','dropped')),
      drop_reason text check (length(drop_reason) <= 1000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (status <> 'dropped' or drop_reason is not null)
    );
    create index forum_actions_forum_idx on forum_actions (forum_id);
    create index forum_actions_unit_idx on forum_actions (responsible_unit_id, status, due_on);

    create table forum_action_updates (
      id integer generated always as identity primary key,
      action_id integer not null references forum_actions(id),
      agency_id integer not null references agencies(id),
      at timestamptz not null,
      status text not null check (status in ('planned','in_progress','done','dropped')),
      note text not null check (length(note) between 1 and 2000),
      user_id integer references users(id)
    );
    create index forum_action_updates_action_idx on forum_action_updates (action_id, at);

    -- Public input per salted IP hash in fixed one-hour windows; rows older than a day can be pruned.
    create table forum_input_limits (
      ip_hash text not null,
      window_start timestamptz not null,
      attempts integer not null,
      primary key (ip_hash, window_start)
    );
  `.execute(db);
}
