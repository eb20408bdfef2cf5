CREATE TABLE more_things (id int);
