-- Office holders imported with term dates (`blocwatch actors import` reads start, end, variants,
-- source): the term of the role, other spellings of the name, and where the facts come from.
ALTER TABLE known_actors ADD COLUMN term_start VARCHAR;
ALTER TABLE known_actors ADD COLUMN term_end VARCHAR;
ALTER TABLE known_actors ADD COLUMN variants VARCHAR NOT NULL DEFAULT '';
ALTER TABLE known_actors ADD COLUMN source VARCHAR;
