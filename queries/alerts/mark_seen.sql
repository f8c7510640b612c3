-- mark_seen: acknowledge every alert shown (clears the badge).
-- params: $now VARCHAR (instant)
update alerts set seen_at = cast($now as timestamptz) where seen_at is null
