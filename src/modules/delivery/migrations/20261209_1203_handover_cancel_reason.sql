-- Why a handover was cancelled, kept apart from the booking's note.
ALTER TABLE handovers ADD COLUMN cancel_reason TEXT;
