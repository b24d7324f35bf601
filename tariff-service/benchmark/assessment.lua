-- wrk script: POST /api/v1/assessments with 10-item declarations (HS codes from the shipped nomenclature,
-- 12 origins, USD/EUR/TRY/IQD values, lodged between 2024-01-15 and 2026-11-15, no exemption claims).
-- Environment: BCC_TOKEN (a Keycloak access token), BCC_BENCH_CODES (a Lua file returning HS codes).
-- Each wrk thread pre-builds 200 distinct requests and cycles through them.

local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("id", thread_count)
end

local origins = {"IR", "TR", "CN", "SA", "QA", "SY", "JO", "DE", "AE", "KW", "IN", "US"}
local currencies = {"USD", "USD", "USD", "EUR", "TRY", "IQD"}
local requests = {}
local next_request = 0

local function declaration(codes, n)
   local items = {}
   for line = 1, 10 do
      local code = codes[math.random(#codes)]
      if math.random(5) == 1 then
         code = code .. "00"
      end
      local kg = 100 + math.random(24000)
      local currency = currencies[math.random(#currencies)]
      local amount = (500 + math.random(200000)) / 100
      if currency == "IQD" then
         amount = amount * 1310
      end
      items[line] = string.format('{"line":%d,"hsCode":"%s","description":"benchmark goods","quantity":%d,'
         .. '"unit":"KGM","netWeightKg":%d,"grossWeightKg":%d,"customsValue":{"amount":"%.2f","currency":"%s"}}',
         line, code, kg, kg, kg + 10, amount, currency)
   end
   local lodged = os.time({year = 2024, month = 1, day = 15, hour = 6}) + math.random(0, 1035 * 86400)
   return string.format('{"crossingCode":"SHL","reference":"SHL-BENCH-%d","direction":"IMPORT",'
      .. '"lodgedAt":"%s","trader":{"taxId":"IQ-100200300","name":"Benchmark trader"},'
      .. '"vehiclePlate":"BSR 12345","originCountry":"%s","items":[%s]}',
      n, os.date("!%Y-%m-%dT%H:%M:%SZ", lodged), origins[math.random(#origins)], table.concat(items, ","))
end

function init(args)
   math.randomseed(7919 * (id or 1))
   local codes = dofile(os.getenv("BCC_BENCH_CODES"))
   local headers = {
      ["Authorization"] = "Bearer " .. os.getenv("BCC_TOKEN"),
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
   }
   for n = 1, 200 do
      requests[n] = wrk.format("POST", "/api/v1/assessments", headers, declaration(codes, n))
   end
end

function request()
   next_request = next_request % #requests + 1
   return requests[next_request]
end
