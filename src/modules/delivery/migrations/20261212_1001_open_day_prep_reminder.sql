-- The preparation meeting of an open day as the centre's task: the daily job reminds customer
-- relations once, a fortnight before it falls due (or at once when it is late), and remembers that
-- it did.
ALTER TABLE open_days ADD COLUMN prep_reminded_at BIGINT;
