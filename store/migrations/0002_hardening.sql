-- 0002: hardening (issue 16): a courier's held jobs are looked up by courier (KURIR HAPUS).
CREATE INDEX courier_jobs_held ON courier_jobs(courier) WHERE status IN ('claimed', 'picked_up');
