-- The search index over customers.search_terms (modules/customers/search_terms.hpp): an FTS5
-- index reading the column itself (external content), kept in step by triggers. The ascii
-- tokenizer keeps non-ASCII characters inside tokens, so a Chinese bigram is one token;
-- detail=none stores presence only, which is all a term lookup needs.
CREATE VIRTUAL TABLE customer_fts USING fts5(search_terms, content='customers', content_rowid='id',
                                             tokenize='ascii', detail='none');
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customer_fts (rowid, search_terms) VALUES (new.id, new.search_terms);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
  INSERT INTO customer_fts (customer_fts, rowid, search_terms) VALUES ('delete', old.id, old.search_terms);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF search_terms ON customers BEGIN
  INSERT INTO customer_fts (customer_fts, rowid, search_terms) VALUES ('delete', old.id, old.search_terms);
  INSERT INTO customer_fts (rowid, search_terms) VALUES (new.id, new.search_terms);
END;
