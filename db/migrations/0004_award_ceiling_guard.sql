-- The sum of a program's awards (all but cancelled ones) never exceeds the program's ceiling, and no
-- award exceeds the program's per-award cap. Enforced in the database, atomically: the program row is
-- locked, so parallel awards against one program are checked one after the other.
CREATE OR REPLACE FUNCTION awards_within_program_ceiling() RETURNS trigger AS $$
DECLARE
  ceiling bigint;
  cap bigint;
  committed bigint;
BEGIN
  IF NEW.status = 'cancelled' THEN
    RETURN NEW;
  END IF;
  SELECT ceiling_minor, per_award_cap_minor INTO ceiling, cap FROM programs WHERE id = NEW.program_id FOR UPDATE;
  IF cap IS NOT NULL AND NEW.amount_minor > cap THEN
    RAISE EXCEPTION 'award exceeds the program''s per-award cap' USING ERRCODE = 'check_violation', CONSTRAINT = 'awards_per_award_cap';
  END IF;
  SELECT COALESCE(sum(amount_minor), 0) INTO committed FROM awards
    WHERE program_id = NEW.program_id AND status <> 'cancelled' AND id <> NEW.id;
  IF committed + NEW.amount_minor > ceiling THEN
    RAISE EXCEPTION 'awards exceed the program ceiling' USING ERRCODE = 'check_violation', CONSTRAINT = 'awards_program_ceiling';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER awards_program_ceiling
  BEFORE INSERT OR UPDATE OF amount_minor, status, program_id ON awards
  FOR EACH ROW EXECUTE FUNCTION awards_within_program_ceiling();
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS award_number_seq;
