-- A person promoted from the waiting list holds the seat until this instant; unless they confirm it by
-- then (the claim link clears it), the seat passes to the next person. NULL: nothing to confirm.
ALTER TABLE registrations ADD COLUMN claim_until TEXT;
