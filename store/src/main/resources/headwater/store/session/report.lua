-- ARGV[4] now (the registry's clock); ARGV 5.. triples of id, lastSeen, bytesDelta. lastSeen only moves forward;
-- bytes add up (an ended session's too); unknown ids change nothing.
-- Result: {id, reason, id, reason...} for the reported sessions that are ended (their reason), expired ('EXPIRED')
-- or unknown (''), in the order reported: the node ends those, which covers ends it did not hear by pub/sub.
local now = ARGV[4]
local gone = {}
for i = 5, #ARGV, 3 do
  local id = ARGV[i]
  local k = skey(id)
  local f = redis.call('HMGET', k, 'seen', 'state', 'reason', 'exp')
  if not f[1] then
    table.insert(gone, id)
    table.insert(gone, '')
  else
    if before(f[1], ARGV[i + 1]) then redis.call('HSET', k, 'seen', ARGV[i + 1]) end
    if ARGV[i + 2] ~= '0' then redis.call('HINCRBY', k, 'bytes', ARGV[i + 2]) end
    if f[2] == 'ENDED' then
      table.insert(gone, id)
      table.insert(gone, f[3])
    elseif not before(now, f[4]) then
      table.insert(gone, id)
      table.insert(gone, 'EXPIRED')
    end
  end
end
return done(gone)
