-- Receipts in a currency whose exchange rate was not known yet: found again, without reading every
-- receipt, each time a rate for that currency arrives.
CREATE INDEX receipt_awaiting_rate ON receipt (currency) WHERE amount_iqd IS NULL;
