-- A statement that must not commit unless its money move happened (the decision's single write)
-- calls this to fail itself, so the COMMIT sent with it (one round trip) rolls everything back.
CREATE OR REPLACE FUNCTION aegis_refuse(message text) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = message;
END
$$;
