package sqlite

// migrations are the schema's numbered steps, applied in order inside one
// transaction each and recorded in schema_migrations. A released step is
// never edited: a change of schema is a new step at the end.
var migrations = []string{
	// 1: documents, inputs and failures, near-duplicate sketches.
	`
CREATE TABLE documents (
	rowid        INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT UNIQUE,
	content_hash TEXT NOT NULL UNIQUE,
	source       TEXT,
	title        TEXT,
	published    TEXT,
	record       TEXT NOT NULL,
	sketch       BLOB NOT NULL,
	duplicates   INTEGER NOT NULL DEFAULT 0,
	added_at     TEXT NOT NULL
);
CREATE VIEW document_text AS
	SELECT rowid, title, json_extract(record, '$.text') AS text FROM documents;
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='document_text', content_rowid='rowid');

CREATE TABLE inputs (
	input  TEXT PRIMARY KEY,
	doc_id TEXT NOT NULL,
	status TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE failures (
	rowid    INTEGER PRIMARY KEY,
	input    TEXT NOT NULL UNIQUE,
	reason   TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	at       TEXT NOT NULL
);

CREATE TABLE doc_bands (
	band INTEGER NOT NULL,
	doc  INTEGER NOT NULL,
	PRIMARY KEY (band, doc)
) WITHOUT ROWID;

CREATE TABLE near_duplicates (
	doc        INTEGER NOT NULL,
	other      INTEGER NOT NULL,
	similarity REAL NOT NULL,
	PRIMARY KEY (doc, other)
) WITHOUT ROWID;
`,
	// 2: global actors, their spellings, and each document's entities and mentions.
	`
CREATE TABLE actors (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL UNIQUE, -- the first key seen; actor_keys has all
	name       TEXT NOT NULL,
	name_count INTEGER NOT NULL DEFAULT 0,
	type       TEXT NOT NULL,
	compact    TEXT NOT NULL, -- the key without separators (merge.Compact)
	surname    TEXT NOT NULL, -- last word of a person's key of two words or more
	given      TEXT NOT NULL, -- first word of a person's key of two words or more
	docs       INTEGER NOT NULL DEFAULT 0,
	mentions   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_by_docs ON actors (docs DESC, id);
CREATE INDEX actors_by_type ON actors (type, docs DESC, id);
CREATE INDEX actors_by_compact ON actors (compact);
CREATE INDEX actors_by_surname ON actors (surname, docs DESC);
CREATE INDEX actors_by_given ON actors (given, docs DESC);

-- every canonical key of the entity layer, and the actor it was joined to
CREATE TABLE actor_keys (
	key   TEXT PRIMARY KEY,
	actor INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX actor_keys_by_actor ON actor_keys (actor);

CREATE TABLE actor_names (
	id    INTEGER PRIMARY KEY,
	actor INTEGER NOT NULL,
	kind  TEXT NOT NULL, -- name (a spelling), canonical (the entity layer's name for it) or role
	name  TEXT NOT NULL,
	count INTEGER NOT NULL,
	UNIQUE (actor, kind, name)
);
CREATE INDEX actor_names_by_name ON actor_names (name COLLATE NOCASE);
CREATE VIRTUAL TABLE actor_names_fts USING fts5(name, content='actor_names', content_rowid='id');

CREATE TABLE entities (
	doc   INTEGER NOT NULL,
	eid   TEXT NOT NULL,
	actor INTEGER NOT NULL,
	name  TEXT NOT NULL,
	type  TEXT NOT NULL,
	PRIMARY KEY (doc, eid)
) WITHOUT ROWID;
CREATE INDEX entities_by_actor ON entities (actor);

CREATE TABLE mentions (
	actor INTEGER NOT NULL,
	doc   INTEGER NOT NULL,
	start INTEGER NOT NULL,
	end   INTEGER NOT NULL,
	eid   TEXT NOT NULL,
	text  TEXT NOT NULL,
	kind  TEXT NOT NULL,
	PRIMARY KEY (actor, doc, start, end)
) WITHOUT ROWID;
`,
	// 3: quotes, times, events merged across documents, positions.
	`
CREATE TABLE quotes (
	id      INTEGER PRIMARY KEY,
	doc     INTEGER NOT NULL,
	qid     TEXT NOT NULL,
	kind    TEXT NOT NULL,
	text    TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	speaker INTEGER,
	cue     TEXT,
	venue   TEXT
);
CREATE INDEX quotes_by_speaker ON quotes (speaker, id);
CREATE INDEX quotes_by_doc ON quotes (doc);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');

CREATE TABLE times (
	doc   INTEGER NOT NULL,
	tid   TEXT NOT NULL,
	start INTEGER NOT NULL,
	end   INTEGER NOT NULL,
	text  TEXT NOT NULL,
	type  TEXT NOT NULL,
	value TEXT,
	PRIMARY KEY (doc, tid)
) WITHOUT ROWID;

CREATE TABLE merged_events (
	id        INTEGER PRIMARY KEY,
	merge_key TEXT UNIQUE,
	type      TEXT NOT NULL,
	day       TEXT NOT NULL,
	polarity  TEXT NOT NULL,
	issue     TEXT NOT NULL,
	sources   INTEGER NOT NULL
);
CREATE INDEX merged_events_by_type ON merged_events (type, id);
CREATE INDEX merged_events_by_sources ON merged_events (sources DESC, id);

CREATE TABLE event_actors (
	merged INTEGER NOT NULL,
	role   TEXT NOT NULL, -- actor or target
	actor  INTEGER NOT NULL,
	PRIMARY KEY (merged, role, actor)
) WITHOUT ROWID;
CREATE INDEX event_actors_by_actor ON event_actors (actor, merged);

CREATE TABLE events (
	id            INTEGER PRIMARY KEY,
	doc           INTEGER NOT NULL,
	vid           TEXT NOT NULL,
	merged        INTEGER NOT NULL,
	type          TEXT NOT NULL,
	date          TEXT,
	modality      TEXT NOT NULL,
	mode          TEXT,
	quote         TEXT,
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	trigger_text  TEXT NOT NULL
);
CREATE INDEX events_by_merged ON events (merged);
CREATE INDEX events_by_doc ON events (doc);

CREATE TABLE positions (
	id       INTEGER PRIMARY KEY,
	actor    INTEGER NOT NULL,
	issue    TEXT NOT NULL,
	day      TEXT NOT NULL,
	stance   TEXT NOT NULL,
	polarity TEXT NOT NULL,
	UNIQUE (actor, issue, day, stance, polarity)
);
CREATE INDEX positions_by_issue ON positions (issue COLLATE NOCASE, id);

CREATE TABLE position_evidence (
	position      INTEGER NOT NULL,
	doc           INTEGER NOT NULL,
	vid           TEXT NOT NULL,
	qid           TEXT,
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	trigger_text  TEXT NOT NULL,
	PRIMARY KEY (position, doc, vid)
) WITHOUT ROWID;
`,
	// 4: the phrase that states a position, beside its trigger.
	`
ALTER TABLE position_evidence ADD COLUMN phrase_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE position_evidence ADD COLUMN phrase_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE position_evidence ADD COLUMN phrase_text TEXT NOT NULL DEFAULT '';
`,
	// 5: actors by canonical name, so that a name given as a filter finds
	// the actor it names before those that were once spelled so.
	`
CREATE INDEX actors_by_name ON actors (name COLLATE NOCASE, docs DESC);
`,
	// 6: an entity's mentions kept in its row as JSON ([[start, end, text,
	// kind], …]) instead of a row each: a tenth of the writes, as fast to
	// read for a dossier; the compact-key lookup served by its index alone.
	`
ALTER TABLE entities ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
CREATE INDEX mentions_by_entity ON mentions (doc, eid, start);
UPDATE entities SET mentions = COALESCE((SELECT json_group_array(json_array(m.start, m.end, m.text, m.kind))
	FROM (SELECT start, end, text, kind FROM mentions WHERE doc = entities.doc AND eid = entities.eid ORDER BY start) m), '[]');
DROP TABLE mentions;
DROP INDEX actors_by_compact;
CREATE INDEX actors_by_compact ON actors (compact, docs DESC);
`,
	// 7: articles waiting for their analyze job (queue.go).
	`
CREATE TABLE queue_inputs (
	id      INTEGER PRIMARY KEY,
	input   TEXT NOT NULL UNIQUE,
	article TEXT NOT NULL -- newsgraph.Article as JSON
);
`,
	// 8: the writer's hot rows made small. A document's sketch in a table
	// of its own: read from documents it came after the record's overflow
	// pages, several page reads for each near-duplicate candidate. The
	// actor indexes that a lookup by one key reads without the document
	// count, so that counting a document for an actor updates two indexes,
	// not six (those lookups sort their few rows); surnames and given names
	// indexed only for the people that have them.
	`
CREATE TABLE doc_sketches (
	doc    INTEGER PRIMARY KEY,
	sketch BLOB NOT NULL
);
INSERT INTO doc_sketches (doc, sketch) SELECT rowid, sketch FROM documents;
DROP INDEX actors_by_compact;
DROP INDEX actors_by_surname;
DROP INDEX actors_by_given;
DROP INDEX actors_by_name;
CREATE INDEX actors_by_compact ON actors (compact);
CREATE INDEX actors_by_surname ON actors (surname) WHERE surname <> '';
CREATE INDEX actors_by_given ON actors (given) WHERE given <> '';
CREATE INDEX actors_by_name ON actors (name COLLATE NOCASE);
`,
	// 9: the counts of Stats kept up to date by triggers, whoever writes
	// (Put, Reconcile, the queue): counting a million rows took a second.
	`
CREATE TABLE counts (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counts (name, n) VALUES
	('documents', (SELECT COUNT(*) FROM documents)),
	('near_duplicates', (SELECT COUNT(*) FROM near_duplicates)),
	('actors', (SELECT COUNT(*) FROM actors)),
	('quotes', (SELECT COUNT(*) FROM quotes)),
	('events', (SELECT COUNT(*) FROM events)),
	('merged_events', (SELECT COUNT(*) FROM merged_events)),
	('positions', (SELECT COUNT(*) FROM positions)),
	('failures', (SELECT COUNT(*) FROM failures)),
	('duplicates', (SELECT COALESCE(SUM(duplicates), 0) FROM documents));
CREATE TRIGGER documents_count_ins AFTER INSERT ON documents BEGIN UPDATE counts SET n = n + 1 WHERE name = 'documents'; END;
CREATE TRIGGER documents_count_del AFTER DELETE ON documents BEGIN UPDATE counts SET n = n - 1 WHERE name = 'documents'; END;
CREATE TRIGGER near_duplicates_count_ins AFTER INSERT ON near_duplicates BEGIN UPDATE counts SET n = n + 1 WHERE name = 'near_duplicates'; END;
CREATE TRIGGER near_duplicates_count_del AFTER DELETE ON near_duplicates BEGIN UPDATE counts SET n = n - 1 WHERE name = 'near_duplicates'; END;
CREATE TRIGGER actors_count_ins AFTER INSERT ON actors BEGIN UPDATE counts SET n = n + 1 WHERE name = 'actors'; END;
CREATE TRIGGER actors_count_del AFTER DELETE ON actors BEGIN UPDATE counts SET n = n - 1 WHERE name = 'actors'; END;
CREATE TRIGGER quotes_count_ins AFTER INSERT ON quotes BEGIN UPDATE counts SET n = n + 1 WHERE name = 'quotes'; END;
CREATE TRIGGER quotes_count_del AFTER DELETE ON quotes BEGIN UPDATE counts SET n = n - 1 WHERE name = 'quotes'; END;
CREATE TRIGGER events_count_ins AFTER INSERT ON events BEGIN UPDATE counts SET n = n + 1 WHERE name = 'events'; END;
CREATE TRIGGER events_count_del AFTER DELETE ON events BEGIN UPDATE counts SET n = n - 1 WHERE name = 'events'; END;
CREATE TRIGGER merged_events_count_ins AFTER INSERT ON merged_events BEGIN UPDATE counts SET n = n + 1 WHERE name = 'merged_events'; END;
CREATE TRIGGER merged_events_count_del AFTER DELETE ON merged_events BEGIN UPDATE counts SET n = n - 1 WHERE name = 'merged_events'; END;
CREATE TRIGGER positions_count_ins AFTER INSERT ON positions BEGIN UPDATE counts SET n = n + 1 WHERE name = 'positions'; END;
CREATE TRIGGER positions_count_del AFTER DELETE ON positions BEGIN UPDATE counts SET n = n - 1 WHERE name = 'positions'; END;
CREATE TRIGGER failures_count_ins AFTER INSERT ON failures BEGIN UPDATE counts SET n = n + 1 WHERE name = 'failures'; END;
CREATE TRIGGER failures_count_del AFTER DELETE ON failures BEGIN UPDATE counts SET n = n - 1 WHERE name = 'failures'; END;
CREATE TRIGGER documents_count_dup AFTER UPDATE OF duplicates ON documents BEGIN
	UPDATE counts SET n = n + new.duplicates - old.duplicates WHERE name = 'duplicates'; END;
CREATE TRIGGER documents_count_del_dup AFTER DELETE ON documents WHEN old.duplicates <> 0 BEGIN
	UPDATE counts SET n = n - old.duplicates WHERE name = 'duplicates'; END;
`,
	// 10: an entity known only by a description ("officials", "the
	// company") is its document's own referent and joins nothing: it keeps
	// its key in its entities row and takes an id of the description range
	// (descriptionID: the document's rowid and the description's number in
	// it) instead of a row in actors, actor_keys and actor_names and their
	// indexes — nine of ten actor rows on news, half the writer's
	// statements. Existing description actors are moved to that form.
	`
ALTER TABLE entities ADD COLUMN key TEXT; -- the actor key of a description, NULL otherwise
CREATE TEMP TABLE description_ids AS
	SELECT old, doc, 1099511627776 + doc * 65536 + n AS new FROM (
		SELECT e.actor AS old, e.doc AS doc, ROW_NUMBER() OVER (PARTITION BY e.doc ORDER BY MIN(e.eid)) AS n
		FROM entities e JOIN actors a ON a.id = e.actor
		WHERE a.key >= 'description:' AND a.key < 'description;'
		GROUP BY e.actor, e.doc)
	WHERE n < 65536;
CREATE INDEX temp.description_ids_by_old ON description_ids (old, doc);
UPDATE entities SET key = (SELECT key FROM actors WHERE id = entities.actor),
		actor = (SELECT new FROM description_ids WHERE old = entities.actor AND doc = entities.doc)
	WHERE EXISTS (SELECT 1 FROM description_ids WHERE old = entities.actor AND doc = entities.doc);
UPDATE quotes SET speaker = (SELECT new FROM description_ids WHERE old = quotes.speaker AND doc = quotes.doc)
	WHERE EXISTS (SELECT 1 FROM description_ids WHERE old = quotes.speaker AND doc = quotes.doc);
UPDATE quotes SET speaker = (SELECT new FROM description_ids WHERE old = quotes.speaker ORDER BY doc LIMIT 1)
	WHERE speaker IN (SELECT old FROM description_ids);
UPDATE OR IGNORE event_actors SET actor = (SELECT new FROM description_ids WHERE old = event_actors.actor ORDER BY doc LIMIT 1)
	WHERE actor IN (SELECT old FROM description_ids);
DELETE FROM event_actors WHERE actor IN (SELECT old FROM description_ids);
UPDATE OR IGNORE positions SET actor = (SELECT new FROM description_ids WHERE old = positions.actor ORDER BY doc LIMIT 1)
	WHERE actor IN (SELECT old FROM description_ids);
DELETE FROM position_evidence WHERE position IN (SELECT id FROM positions WHERE actor IN (SELECT old FROM description_ids));
DELETE FROM positions WHERE actor IN (SELECT old FROM description_ids);
INSERT INTO actor_names_fts (actor_names_fts, rowid, name) SELECT 'delete', id, name FROM actor_names WHERE actor IN (SELECT old FROM description_ids);
DELETE FROM actor_names WHERE actor IN (SELECT old FROM description_ids);
DELETE FROM actor_keys WHERE actor IN (SELECT old FROM description_ids);
DELETE FROM actors WHERE id IN (SELECT old FROM description_ids);
DROP TABLE temp.description_ids;
`,
	// 11: the quotes of each actor counted in its row, for its dossier:
	// counting the index entries of the most quoted actor took longer than
	// the rest of the dossier. The writer adds a batch's quotes at its end.
	`
ALTER TABLE actors ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET quotes = (SELECT COUNT(*) FROM quotes WHERE speaker = actors.id);
`,
	// 12: the title and text of each document in a narrow table, the
	// content of the full-text index: a search's snippets read the text
	// from the record JSON before (json_extract of tens of kilobytes a hit,
	// half the cost of a search for a common word).
	`
CREATE TABLE document_texts (
	doc   INTEGER PRIMARY KEY,
	title TEXT,
	text  TEXT NOT NULL
);
INSERT INTO document_texts (doc, title, text) SELECT rowid, title, json_extract(record, '$.text') FROM documents;
DROP VIEW document_text;
CREATE VIEW document_text AS SELECT doc AS rowid, title, text FROM document_texts;
`,
	// 13: each entity's actor key (a description's alone before), and each
	// key's number of documents, so that Reconcile can decide the joins
	// from the keys alone (merge.Plan), whatever order the documents came
	// in, and move a key to another actor when later documents change the
	// answer. Rows stored before this step get their keys from the records
	// (backfillKeys).
	`
ALTER TABLE actor_keys ADD COLUMN docs INTEGER NOT NULL DEFAULT 0;
`,
}

// keysStep is the step after which backfillKeys runs.
const keysStep = 13
