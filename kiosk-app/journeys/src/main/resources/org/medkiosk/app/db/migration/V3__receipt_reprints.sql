-- "My receipts": a receipt printed again is a new print job linked to the one it repeats, so the daily reprint limit
-- can be counted and staff see every copy that left the kiosk. Finding a patient's receipts needs their jobs by
-- patient and time.
ALTER TABLE print_job ADD COLUMN reprint_of INTEGER REFERENCES print_job(id);
CREATE INDEX print_job_reprint_of ON print_job(reprint_of) WHERE reprint_of IS NOT NULL;
CREATE INDEX print_job_patient ON print_job(patient_id, created_at);
