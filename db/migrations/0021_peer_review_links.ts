import { sql, type Kysely } from "kysely";

// 360 reviews by peers without an account: the assessor invites a peer by name (and, if given, e-mail) and the
// peer answers once through a link. Only the link's keyed hash is stored; a link expires and is spent by its
// answer. Such a review is a peer review like any other, tied to its link instead of an officer.
// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skp_peer_links (
      id integer generated always as identity primary key,
      plan_id integer not null references skp_plans(id),
      peer_name text not null check (length(peer_name) between 1 and 120),
      peer_email text check (peer_email is null or length(peer_email) between 3 and 254),
      token_hash text not null unique,
      invited_by_user_id integer not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      check (expires_at > created_at)
    );
    create index skp_peer_links_plan_idx on skp_peer_links (plan_id);

    alter table skp_reviews
      alter column reviewer_officer_id drop not null,
      add column peer_link_id integer references skp_peer_links(id),
      add constraint skp_reviews_one_reviewer check ((reviewer_officer_id is null) <> (peer_link_id is null)),
      add constraint skp_reviews_link_is_peer check (peer_link_id is null or kind = 'peer'),
      add constraint skp_reviews_link_value unique (peer_link_id, value);
  `.execute(db);
}
