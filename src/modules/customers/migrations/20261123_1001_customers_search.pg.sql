-- The search index over customers.search_terms (modules/customers/search_terms.hpp): a GIN index
-- over the terms as an array; a query asks for rows whose terms contain all of its own.
CREATE INDEX ix_customers_search_terms ON customers USING GIN (string_to_array(search_terms, ' '));
