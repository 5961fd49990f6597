-- ARGV 4.. triples of id, lastSeen, bytesDelta. lastSeen only moves forward; bytes add up; unknown ids are skipped.
-- Result: how many ids were known.
local known = 0
for i = 4, #ARGV, 3 do
  local k = skey(ARGV[i])
  local seen = redis.call('HGET', k, 'seen')
  if seen then
    known = known + 1
    if before(seen, ARGV[i + 1]) then redis.call('HSET', k, 'seen', ARGV[i + 1]) end
    if ARGV[i + 2] ~= '0' then redis.call('HINCRBY', k, 'bytes', ARGV[i + 2]) end
  end
end
return done(known)
