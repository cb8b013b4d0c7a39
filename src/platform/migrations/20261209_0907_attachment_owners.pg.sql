-- Attachments of the delivery module's findings (photos of a defect found at an inspection).
ALTER TABLE attachments DROP CONSTRAINT IF EXISTS attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT ck_attachments_owner_type CHECK (owner_type IN ('ticket', 'delivery_finding'));
