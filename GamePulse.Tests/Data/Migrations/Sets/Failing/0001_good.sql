CREATE TABLE good (id int);
