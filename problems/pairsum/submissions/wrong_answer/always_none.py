# Gives up: always prints -1, wrong whenever a pair exists (the first sample).
print(-1)
