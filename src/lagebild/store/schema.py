"""Versioned SQLite schema. Each migration runs once, in order; ``PRAGMA user_version`` counts.

Never edit a released migration: append a new one.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, full-text index, near-duplicate bands, exact duplicates, failures, sources
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source_id TEXT,
        url TEXT,
        title TEXT,
        section TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        origin TEXT NOT NULL,
        reader TEXT,
        chars INTEGER NOT NULL,
        minhash BLOB NOT NULL,
        near_duplicate_of TEXT REFERENCES articles(id),
        similarity REAL,
        doc TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_section ON articles(section);
    CREATE INDEX articles_near_dup ON articles(near_duplicate_of);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,
        value INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (band, value, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE duplicates (
        article_id TEXT NOT NULL REFERENCES articles(id),
        origin TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (article_id, origin)
    ) WITHOUT ROWID;
    CREATE TABLE failures (
        origin TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        skipped INTEGER NOT NULL DEFAULT 0,
        seen_at TEXT NOT NULL
    );
    CREATE INDEX failures_path ON failures(path);
    CREATE TABLE sources (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        items INTEGER NOT NULL,
        finished_at TEXT NOT NULL
    );
    """,
    # 2: annotation layers, one row per mention/statement/event, each with its evidence offsets
    """
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        subtype TEXT,
        actor_id TEXT,
        PRIMARY KEY (article_id, start, end)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_actor ON mentions(actor_id);
    CREATE INDEX mentions_text ON mentions(label, text);
    CREATE TABLE statements (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        speaker_actor_id TEXT,
        speaker_text TEXT,
        kind TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX statements_speaker ON statements(speaker_actor_id);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        code TEXT,
        plover TEXT,
        quad_class INTEGER,
        source_actor_id TEXT,
        target_actor_id TEXT,
        modality TEXT,
        date TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX events_source ON events(source_actor_id);
    CREATE INDEX events_target ON events(target_actor_id);
    CREATE INDEX events_date ON events(date);
    """,
    # 3: typed layers (article schema 2). Statement rows keep their mode; every source and
    # target actor of an event gets a row (compound actors: "Die USA und Russland").
    # ``REWRITE_LAYERS`` then re-reads every stored document into the typed model.
    """
    ALTER TABLE statements ADD COLUMN mode TEXT;
    CREATE INDEX statements_kind ON statements(kind);
    CREATE TABLE event_actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('source', 'target')),
        actor_id TEXT NOT NULL,
        PRIMARY KEY (article_id, idx, role, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_actor ON event_actors(actor_id, role);
    CREATE INDEX events_plover ON events(plover);
    """,
    # 4: event clusters (``store.clusters``): reports of one event are one cluster; every
    # event row is a mention of its cluster. ``CLUSTER_EVENTS`` then clusters stored events.
    """
    CREATE TABLE event_clusters (
        id INTEGER PRIMARY KEY,
        plover TEXT,
        code TEXT,
        quad_class INTEGER,
        goldstein REAL,
        actors_key TEXT NOT NULL,
        day TEXT,
        root_article_id TEXT NOT NULL,
        root_idx INTEGER NOT NULL,
        mentions INTEGER NOT NULL DEFAULT 1,
        articles INTEGER NOT NULL DEFAULT 1,
        sources INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX event_clusters_key ON event_clusters(plover, actors_key, day);
    CREATE INDEX event_clusters_day ON event_clusters(day);
    CREATE TABLE cluster_actors (
        actor_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('source', 'target')),
        cluster_id INTEGER NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
        PRIMARY KEY (actor_id, role, cluster_id)
    ) WITHOUT ROWID;
    CREATE INDEX cluster_actors_cluster ON cluster_actors(cluster_id);
    ALTER TABLE events ADD COLUMN cluster_id INTEGER REFERENCES event_clusters(id);
    CREATE INDEX events_cluster ON events(cluster_id);
    """,
    # 5: relation aggregates per actor pair and day (``store.relation_agg``), filled from the
    # stored clusters after the migration and kept up to date as clusters are written; the
    # articles of a period with their outlet without reading the article rows (``brief``);
    # a cluster's mentions with their dates without reading the event rows (a pair's events)
    """
    CREATE INDEX articles_period ON articles(published, id, outlet, near_duplicate_of);
    DROP INDEX events_cluster;
    CREATE INDEX events_cluster ON events(cluster_id, date);
    CREATE TABLE relation_clusters (
        source_id TEXT NOT NULL,
        target_id TEXT NOT NULL,
        day TEXT NOT NULL,
        cluster_id INTEGER NOT NULL,
        pairs INTEGER NOT NULL,
        PRIMARY KEY (source_id, target_id, day, cluster_id)
    ) WITHOUT ROWID;
    CREATE INDEX relation_clusters_cluster ON relation_clusters(cluster_id);
    CREATE INDEX relation_clusters_multi ON relation_clusters(source_id, target_id, day)
        WHERE pairs > 1;
    CREATE INDEX relation_clusters_multi_target ON relation_clusters(target_id, source_id, day)
        WHERE pairs > 1;
    CREATE TABLE relation_days (
        source_id TEXT NOT NULL,
        target_id TEXT NOT NULL,
        day TEXT NOT NULL,
        week TEXT NOT NULL,
        plover TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        events INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        goldstein_milli INTEGER NOT NULL,
        goldstein_n INTEGER NOT NULL,
        first_cluster INTEGER NOT NULL,
        second_cluster INTEGER,
        PRIMARY KEY (source_id, target_id, day, plover, quad_class)
    ) WITHOUT ROWID;
    CREATE INDEX relation_days_target ON relation_days(target_id, source_id, day);
    CREATE TABLE relation_totals (
        source_id TEXT NOT NULL,
        target_id TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        events INTEGER NOT NULL,
        goldstein_milli INTEGER NOT NULL,
        goldstein_n INTEGER NOT NULL,
        PRIMARY KEY (source_id, target_id, quad_class)
    ) WITHOUT ROWID;
    CREATE INDEX relation_totals_target ON relation_totals(target_id, source_id);
    CREATE TABLE relation_articles (
        source_id TEXT NOT NULL,
        target_id TEXT NOT NULL,
        day TEXT NOT NULL,
        week TEXT NOT NULL,
        article_id TEXT NOT NULL,
        outlet TEXT NOT NULL,
        PRIMARY KEY (source_id, target_id, day, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE relation_groups (
        actor_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX relation_groups_group ON relation_groups(group_id);
    CREATE TABLE relation_key_clusters (
        x TEXT NOT NULL,
        y TEXT NOT NULL,
        day TEXT NOT NULL,
        cluster_id INTEGER NOT NULL,
        flag INTEGER NOT NULL,
        PRIMARY KEY (x, y, day, cluster_id)
    ) WITHOUT ROWID;
    CREATE INDEX relation_key_clusters_cluster ON relation_key_clusters(cluster_id);
    CREATE TABLE relation_key_periods (
        kind TEXT NOT NULL,
        x TEXT NOT NULL,
        y TEXT NOT NULL,
        period TEXT NOT NULL,
        flag INTEGER NOT NULL,
        plover TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        events INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        goldstein_milli INTEGER NOT NULL,
        goldstein_n INTEGER NOT NULL,
        first_key TEXT NOT NULL,
        PRIMARY KEY (kind, x, y, period, flag, plover, quad_class)
    ) WITHOUT ROWID;
    CREATE TABLE relation_key_counts (
        kind TEXT NOT NULL,
        x TEXT NOT NULL,
        y TEXT NOT NULL,
        period TEXT NOT NULL,
        scope INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        first_cluster INTEGER NOT NULL,
        second_cluster INTEGER,
        PRIMARY KEY (kind, x, y, period, scope)
    ) WITHOUT ROWID;
    """,
    # 6: only events at least ``clusters.COUNT_MIN_CONFIDENCE`` likely to be right are
    # counted: ``CLUSTER_EVENTS`` re-clusters the stored events (the others leave their
    # clusters and the relation aggregates; no table changes)
    """
    SELECT 1;
    """,
]

#: migrations after which every stored document is rewritten in the current article schema
#: (its layers re-indexed): the number is the schema version the migration leads to
REWRITE_LAYERS = frozenset({3})
#: migrations after which every stored event is (re-)clustered
CLUSTER_EVENTS = frozenset({4, 6})
#: migrations after which the relation aggregates are computed from the stored clusters
AGGREGATE_RELATIONS = frozenset({5})

SCHEMA_VERSION = len(MIGRATIONS)
