-- Each customer's answers in the order given (the segments read the latest answer's indices of a
-- range of customers: ResultsService::OpinionsOf).
CREATE INDEX ix_survey_responses_customer ON survey_responses (customer_id, created_at, id);
