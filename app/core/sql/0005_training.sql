-- Training: who may run scenarios and review them, and the mark of a demo store. A store whose
-- demo_store row exists was written by the synthetic generator (`hexhub --generate-demo`, or the
-- first `hexhub --demo`); demo mode opens no other store, so training never touches live data.
INSERT INTO permissions (id, module, description) VALUES
    ('core.training.run', 'core', 'Run training scenarios, control the simulated clock and review exercises');
INSERT INTO role_permissions (role, permission) VALUES
    ('trainer', 'core.training.run'),
    ('administrator', 'core.training.run');

CREATE TABLE demo_store (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    seed         BIGINT NOT NULL,
    incidents    BIGINT NOT NULL,
    history_end  BIGINT NOT NULL,   -- Clock ms: the generated history ends here
    generated_at BIGINT NOT NULL    -- Clock ms
);
