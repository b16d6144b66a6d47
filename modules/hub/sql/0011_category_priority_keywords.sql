-- What a category proposes to the call-taker (issue 19): the priority the new-incident form offers when
-- the category is chosen, and the words of a caller's account that suggest the category (comma
-- separated, in English for the built-in ones; the desk's language adds their translation).
ALTER TABLE hub_categories ADD COLUMN default_priority BIGINT NOT NULL DEFAULT 3 CHECK (default_priority BETWEEN 1 AND 4);
ALTER TABLE hub_categories ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
UPDATE hub_categories SET default_priority = 1, keywords = 'roof, rooftop, ledge, edge of, height, balcony, jump, parapet' WHERE id = 'rooftop_rescue';
UPDATE hub_categories SET default_priority = 2, keywords = 'crash, collided, collision, accident, car, cars, van, lorry, truck, scooter, motorbike, knocked down, driver, pedestrian' WHERE id = 'traffic_accident';
UPDATE hub_categories SET default_priority = 3, keywords = 'burglary, broken into, break-in, forced, burgled, stolen, climbing into, jewellery, laptop' WHERE id = 'burglary';
UPDATE hub_categories SET default_priority = 2, keywords = 'fight, punched, stabbed, beaten, bleeding, attacked, assault, threatened, pushed, knife' WHERE id = 'assault';
UPDATE hub_categories SET default_priority = 1, keywords = 'fire, smoke, burning, flames, blaze, explosion' WHERE id = 'fire';
UPDATE hub_categories SET default_priority = 2, keywords = 'missing, lost child, separated, dementia, disappeared, not come home' WHERE id = 'missing_person';
UPDATE hub_categories SET default_priority = 3, keywords = 'noise, loud, music, shouting, drunk, crowd, dispute, blocking' WHERE id = 'public_disturbance';
UPDATE hub_categories SET default_priority = 2, keywords = 'suspicious, unattended, suitcase, package, bag left, wires' WHERE id = 'suspicious_item';
UPDATE hub_categories SET default_priority = 4 WHERE id = 'other';
