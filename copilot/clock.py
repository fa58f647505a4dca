"""The groups' clock: one definition of the zone a time with no offset is read in."""

from __future__ import annotations

from datetime import timedelta, timezone

# the groups are in mainland China, Hong Kong, Macau and Taiwan, all UTC+8, none with daylight saving time: a time with
# no offset (an ISO time without one, a chat export's header) and an epoch stored by WeChat/WeCom/QQ are read in it
GROUP_TZ = timezone(timedelta(hours=8))
