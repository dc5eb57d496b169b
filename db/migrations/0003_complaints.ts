import { sql, type Kysely } from "kysely";

// Complaints (SP4N-LAPOR!, DOMAIN.md §3): the complaint, its append-only event log, the reporter's contact
// kept apart (UU 27/2022), attachments stored outside public/, tracking-lookup limits, the holiday calendar
// the working-day clocks read, and the staff inbox. Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- agency_id null: a national holiday or collective-leave day; otherwise a regional one for that agency.
    create table holidays (
      id integer generated always as identity primary key,
      date date not null,
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('libur_nasional','cuti_bersama','libur_daerah')),
      agency_id integer references agencies(id),
      estimated boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index holidays_date_agency_idx on holidays (date, coalesce(agency_id, 0));

    create table complaints (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      tracking_code text not null unique check (tracking_code ~ '^[2-9A-HJKMNP-Z]{9}$'),
      -- Where the citizen filed it (the handlers of this unit's tree dispose of it).
      received_unit_id integer not null references units(id),
      counter_id integer references counters(id),
      service_id integer references services(id),
      -- The officer the citizen named, as filed; officer_id below is the one given the right of reply.
      reported_officer_id integer references officers(id),
      reported_category text not null check (reported_category in ('aspirasi','pengaduan','permintaan_informasi')),
      body text not null check (length(body) between 1 and 5000),
      visit_date date not null,
      visited_at timestamptz,
      late_filing boolean not null default false,
      status text not null check (status in ('diterima','terverifikasi','ditunda','bukan_wewenang','diarsipkan','diteruskan','ditindaklanjuti','ditanggapi','selesai')),
      visibility text not null check (visibility in ('public','anonim','rahasia')),
      category text check (category in ('aspirasi','pengaduan','permintaan_informasi')),
      submitted_at timestamptz not null,
      verification_clock_from timestamptz not null,
      verified_at timestamptz,
      postponed_from text check (postponed_from in ('diterima','terverifikasi')),
      postpone_reason text,
      referred_to text,
      archive_reason text check (archive_reason in ('spam','duplicate','other')),
      archive_note text,
      unit_id integer references units(id),
      officer_id integer references officers(id),
      forwarded_at timestamptz,
      follow_up_clock_from timestamptz,
      followed_up_at timestamptz,
      citizen_responded_at timestamptz,
      reopen_count integer not null default 0,
      escalated boolean not null default false,
      closed_at timestamptz,
      closure_kind text check (closure_kind in ('closed','auto_closed')),
      upheld boolean,
      handling_rating smallint check (handling_rating between 1 and 4),
      updated_at timestamptz not null default now()
    );
    create index complaints_received_unit_idx on complaints (received_unit_id, status);
    create index complaints_unit_idx on complaints (unit_id, status);
    create index complaints_officer_idx on complaints (officer_id);
    create index complaints_agency_submitted_idx on complaints (agency_id, submitted_at);

    -- Every step, never edited: who (role and user), when, from which status to which, and what.
    create table complaint_events (
      id bigint generated always as identity primary key,
      complaint_id integer not null references complaints(id),
      agency_id integer not null references agencies(id),
      at timestamptz not null,
      type text not null,
      actor_role text not null,
      actor_user_id integer references users(id),
      from_status text,
      to_status text not null,
      details jsonb not null default '{}'
    );
    create index complaint_events_complaint_idx on complaint_events (complaint_id, id);
    create function complaint_events_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'complaint_events is append-only';
    end $$;
    create trigger complaint_events_no_update before update or delete on complaint_events
      for each statement execute function complaint_events_are_append_only();

    -- The reporter's contact, apart from the text (UU 27/2022): only the unit's complaint handlers read it.
    create table complaint_contacts (
      complaint_id integer primary key references complaints(id),
      agency_id integer not null references agencies(id),
      name text check (length(name) <= 120),
      phone text check (length(phone) <= 30),
      email text check (length(email) <= 200),
      show_name boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table complaint_attachments (
      id integer generated always as identity primary key,
      complaint_id integer not null references complaints(id),
      agency_id integer not null references agencies(id),
      stored_name text not null unique check (stored_name ~ '^[a-f0-9]{32}$'),
      original_name text not null,
      media_type text not null check (media_type in ('image/jpeg','image/png','application/pdf')),
      size_bytes integer not null check (size_bytes between 1 and 5242880),
      sha256 text not null,
      created_at timestamptz not null default now()
    );
    create index complaint_attachments_complaint_idx on complaint_attachments (complaint_id);

    -- Tracking lookups per salted hash of the client address, in fixed windows.
    create table complaint_lookup_limits (
      ip_hash text not null,
      window_start timestamptz not null,
      count integer not null default 0,
      primary key (ip_hash, window_start)
    );

    create table notifications (
      id integer generated always as identity primary key,
      user_id integer not null references users(id),
      agency_id integer references agencies(id),
      kind text not null,
      complaint_id integer references complaints(id),
      params jsonb not null default '{}',
      dedupe_key text unique,
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);

    insert into holidays (date, name, kind, estimated) values
      ('2026-01-01', 'Tahun Baru 2026 Masehi', 'libur_nasional', false),
      ('2026-01-16', 'Isra Mikraj Nabi Muhammad S.A.W.', 'libur_nasional', false),
      ('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', 'cuti_bersama', false),
      ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'libur_nasional', false),
      ('2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', 'cuti_bersama', false),
      ('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'libur_nasional', false),
      ('2026-03-20', 'Cuti Bersama Idulfitri 1447 Hijriah', 'cuti_bersama', false),
      ('2026-03-21', 'Idulfitri 1447 Hijriah', 'libur_nasional', false),
      ('2026-03-22', 'Idulfitri 1447 Hijriah', 'libur_nasional', false),
      ('2026-03-23', 'Cuti Bersama Idulfitri 1447 Hijriah', 'cuti_bersama', false),
      ('2026-03-24', 'Cuti Bersama Idulfitri 1447 Hijriah', 'cuti_bersama', false),
      ('2026-04-03', 'Wafat Yesus Kristus', 'libur_nasional', false),
      ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'libur_nasional', false),
      ('2026-05-01', 'Hari Buruh Internasional', 'libur_nasional', false),
      ('2026-05-14', 'Kenaikan Yesus Kristus', 'libur_nasional', false),
      ('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus', 'cuti_bersama', false),
      ('2026-05-27', 'Iduladha 1447 Hijriah', 'libur_nasional', false),
      ('2026-05-28', 'Cuti Bersama Iduladha 1447 Hijriah', 'cuti_bersama', false),
      ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'libur_nasional', false),
      ('2026-06-01', 'Hari Lahir Pancasila', 'libur_nasional', false),
      ('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'libur_nasional', false),
      ('2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia', 'libur_nasional', false),
      ('2026-08-25', 'Maulid Nabi Muhammad S.A.W.', 'libur_nasional', false),
      ('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus', 'cuti_bersama', false),
      ('2026-12-25', 'Kelahiran Yesus Kristus', 'libur_nasional', false),
      ('2027-01-01', 'Tahun Baru 2027 Masehi', 'libur_nasional', false),
      ('2027-01-05', 'Isra Mikraj Nabi Muhammad S.A.W.', 'libur_nasional', true),
      ('2027-02-05', 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili', 'cuti_bersama', true),
      ('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'libur_nasional', true),
      ('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'libur_nasional', true),
      ('2027-03-09', 'Cuti Bersama Idulfitri 1448 Hijriah', 'cuti_bersama', true),
      ('2027-03-10', 'Idulfitri 1448 Hijriah', 'libur_nasional', true),
      ('2027-03-11', 'Idulfitri 1448 Hijriah', 'libur_nasional', true),
      ('2027-03-12', 'Cuti Bersama Idulfitri 1448 Hijriah', 'cuti_bersama', true),
      ('2027-03-15', 'Cuti Bersama Idulfitri 1448 Hijriah', 'cuti_bersama', true),
      ('2027-03-26', 'Wafat Yesus Kristus', 'libur_nasional', false),
      ('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'libur_nasional', false),
      ('2027-05-01', 'Hari Buruh Internasional', 'libur_nasional', false),
      ('2027-05-06', 'Kenaikan Yesus Kristus', 'libur_nasional', false),
      ('2027-05-07', 'Cuti Bersama Kenaikan Yesus Kristus', 'cuti_bersama', true),
      ('2027-05-17', 'Iduladha 1448 Hijriah', 'libur_nasional', true),
      ('2027-05-18', 'Cuti Bersama Iduladha 1448 Hijriah', 'cuti_bersama', true),
      ('2027-05-20', 'Hari Raya Waisak 2571 BE', 'libur_nasional', true),
      ('2027-05-21', 'Cuti Bersama Hari Raya Waisak 2571 BE', 'cuti_bersama', true),
      ('2027-06-01', 'Hari Lahir Pancasila', 'libur_nasional', false),
      ('2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah', 'libur_nasional', true),
      ('2027-08-15', 'Maulid Nabi Muhammad S.A.W.', 'libur_nasional', true),
      ('2027-08-17', 'Proklamasi Kemerdekaan Republik Indonesia', 'libur_nasional', false),
      ('2027-12-24', 'Cuti Bersama Kelahiran Yesus Kristus', 'cuti_bersama', true),
      ('2027-12-25', 'Kelahiran Yesus Kristus', 'libur_nasional', false);
  `.execute(db);
}
