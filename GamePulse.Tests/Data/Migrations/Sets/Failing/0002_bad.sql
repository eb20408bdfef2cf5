CREATE TABLE half_done (id int);
SELECT * FROM no_such_table;
