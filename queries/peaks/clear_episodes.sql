-- clear_episodes: empty peak_episodes before it is rebuilt.
-- params: none
delete from peak_episodes
