/**
 * Starts the authorization of an immediate file's charges at once (no deadline to wait for). Implemented with
 * the existing authorize-charges job, so file charges have one authorization path.
 */
export abstract class ImmediateAuthorization {
  abstract start(shopId: string, cycle: string): Promise<void>;
}
