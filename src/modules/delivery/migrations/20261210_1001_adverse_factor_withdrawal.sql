-- Who withdrew an adverse factor, when and why, kept on the factor (it was only in the audit log).
ALTER TABLE adverse_factors ADD COLUMN withdraw_reason TEXT;
ALTER TABLE adverse_factors ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE adverse_factors ADD COLUMN withdrawn_by BIGINT;
