package dev.bindsmith.http;

/**
 * One group of routes ({@link ZoneRoutes}, {@link ServerRoutes} …). Each registers its endpoints on
 * the {@link ApiRouting}, which wraps every handler in the same pipeline; a new group (records) is one
 * more class and one more line where the groups are listed.
 */
interface RouteGroup {
    void register(ApiRouting routes);
}
