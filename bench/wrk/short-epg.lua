-- wrk script of xtream.sh: get_short_epg for a random channel per request. Arguments (after --): the file of stream
-- ids (one per line, from get_live_streams) and the request path without the stream id, e.g.
-- /player_api.php?username=bench&password=...&action=get_short_epg&stream_id=
local ids = {}
local prefix

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  prefix = args[2]
  math.randomseed(os.time() + tonumber(tostring(ids):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  return wrk.format("GET", prefix .. ids[math.random(#ids)])
end

dofile("wrk/report.lua")
