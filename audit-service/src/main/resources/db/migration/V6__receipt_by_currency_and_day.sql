-- A new or corrected exchange rate converts again every receipt in its currency paid while it applies,
-- converted or not, so receipts are found by currency and payment time.
CREATE INDEX receipt_by_currency_paid ON receipt (currency, paid_at);
DROP INDEX receipt_awaiting_rate;
