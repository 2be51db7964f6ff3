/** Custom requests shared by the server and the client. */
export const StatusRequest = 'sidecar/status';
export interface StatusResult {
  kubernetesVersion: string;
  validate: boolean;
  /** Rule ids known to the server. */
  rules: string[];
}
