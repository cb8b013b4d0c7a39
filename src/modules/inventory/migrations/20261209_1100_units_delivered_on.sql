-- 交付: the day a unit's keys were handed over (the delivery module's handover, or the demo's history).
ALTER TABLE units ADD COLUMN delivered_on TEXT;
