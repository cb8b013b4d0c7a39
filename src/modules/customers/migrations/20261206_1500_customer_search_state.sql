-- The version of the search terms (search_terms.hpp, kSearchTermsVersion) the customers were
-- indexed with. Start-up indexes them again when the code's version is newer (version 2 added
-- the 8-digit number windows that birth dates and heads of ID numbers are found by).
CREATE TABLE customer_search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  terms_version INTEGER NOT NULL
);
INSERT INTO customer_search_state (id, terms_version) VALUES (1, 1);
