-- One database and one owner per service, as in production. Passwords are LOCAL DEVELOPMENT ONLY.
CREATE ROLE bcc_declaration LOGIN PASSWORD 'local-dev-only';
CREATE DATABASE bcc_declaration OWNER bcc_declaration ENCODING 'UTF8';
CREATE ROLE bcc_tariff LOGIN PASSWORD 'local-dev-only';
CREATE DATABASE bcc_tariff OWNER bcc_tariff ENCODING 'UTF8';
CREATE ROLE bcc_audit LOGIN PASSWORD 'local-dev-only';
CREATE DATABASE bcc_audit OWNER bcc_audit ENCODING 'UTF8';
