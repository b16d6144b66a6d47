-- Which store a desk uses and which modules it loads is the administrator's to change.
INSERT INTO permissions (id, module, description) VALUES
    ('core.desk.configure', 'core', 'Change the store and the modules a desk starts with');
INSERT INTO role_permissions (role, permission) VALUES
    ('administrator', 'core.desk.configure');
