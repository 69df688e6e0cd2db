import Delivery
import Foundation
import Testing

@Suite struct SignatureTests {
  @Test func dingTalkVector() {
    #expect(
      RobotSignature.dingTalk(timestampMilliseconds: 1_700_000_000_000, secret: "secret")
        == "OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D")
  }

  @Test func feishuVector() {
    #expect(
      RobotSignature.feishu(timestampSeconds: 1_700_000_000, secret: "secret")
        == "fiWS2+gh28DOydAv7hzONH/mDn9+b1Y4Y5ivXWXy8vA=")
  }

  @Test func webhookSignatureIsHexHMACOfTheBody() {
    #expect(
      RobotSignature.webhook(body: Data(#"{"hello":"world"}"#.utf8), secret: "crm-secret")
        == "sha256=3f0bd580483108a7f5fd41cfd4f8d10aabc1fb635d8af241a1705a575789931a")
  }
}
