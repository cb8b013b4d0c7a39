-- Entries of unmasked reads are journaled and written in batches (platform/audit_journal.hpp).
-- Each batch records, in its own transaction, how far the journal of its process is written, so
-- that a journal replayed after a crash writes only what was not written yet.
CREATE TABLE audit_journal_marks (
  boot TEXT PRIMARY KEY,
  written_seq BIGINT NOT NULL,
  at BIGINT NOT NULL
);
