-- New customers enter the search index through CustomerRepo instead of a trigger: FTS5 writes
-- its pending terms to disk at every statement savepoint, so a trigger made one index segment
-- per inserted row. An import now indexes each batch of rows with one statement (measured on
-- 200,000 rows: the trigger was a third of the import's time). Updates and deletes keep their
-- triggers: they are one row at a time anyway.
DROP TRIGGER IF EXISTS customers_fts_insert;
