-- wrk script: POST a fresh declaration per request (unique reference per thread and request).
local threads = 0
local counter = 0
local run = os.time()
local token = os.getenv("TOKEN")
local template = [[{"crossingCode":"SHL","reference":"__REF__","direction":"IMPORT","lodgedAt":"2026-11-20T09:30:00+03:00","trader":{"taxId":"IQ-100200300","name":"شركة البصرة للحديد"},"vehiclePlate":"BSR 12345","originCountry":"IR","items":[{"hsCode":"721420","description":"Reinforcing steel bars, hot-rolled","quantity":24000,"unit":"KGM","netWeightKg":24000,"grossWeightKg":24350,"customsValue":{"amount":"13200.00","currency":"USD"}},{"hsCode":"252329","description":"Portland cement","quantity":6000,"unit":"KGM","netWeightKg":6000,"grossWeightKg":6100,"customsValue":{"amount":"420.00","currency":"USD"}}]}]]

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local body = template:gsub("__REF__", string.format("B%d-%d-%d", run, tid, counter))
  return wrk.format("POST", "/api/v1/declarations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

local non201 = 0
function response(status, headers, body)
  if status ~= 201 then
    non201 = non201 + 1
    if non201 <= 3 then print("unexpected " .. status .. ": " .. body) end
  end
end
