-- Labels a command puts on a store it created: 'demo' marks a file `blocwatch demo` may replace
-- (a file without it is the user's and is never deleted).
CREATE TABLE store_labels (
    label    VARCHAR PRIMARY KEY,
    added_at TIMESTAMP DEFAULT current_timestamp
);
